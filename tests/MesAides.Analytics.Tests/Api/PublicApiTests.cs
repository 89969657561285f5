using System.Reflection;
using System.Text;
using MesAides.Analytics.Tests.TestSupport;

namespace MesAides.Analytics.Tests.Api;

/// <summary>
/// The library's public API, which notebooks and other tools call, is approved against a committed text
/// file: a change to it is a visible diff. After an intended change, regenerate the file with
/// <c>MESAIDES_APPROVE_API=1 dotnet test --filter PublicApiTests</c> and commit it.
/// </summary>
public class PublicApiTests
{
    private static readonly string Approved = Path.Combine(Paths.RepoRoot, "tests", "MesAides.Analytics.Tests", "Api", "PublicApi.approved.txt");

    [Fact]
    public void The_public_api_is_the_approved_one()
    {
        var actual = Describe(typeof(Analytics.Model.Situation).Assembly);
        if (Environment.GetEnvironmentVariable("MESAIDES_APPROVE_API") == "1")
        {
            File.WriteAllText(Approved, actual);
        }

        Assert.True(File.Exists(Approved), $"{Approved} is missing: run with MESAIDES_APPROVE_API=1 to create it");
        var expected = File.ReadAllText(Approved).ReplaceLineEndings("\n");
        var diff = expected.Split('\n').Except(actual.Split('\n')).Take(5).Select(l => "- " + l)
            .Concat(actual.Split('\n').Except(expected.Split('\n')).Take(5).Select(l => "+ " + l));
        Assert.True(expected == actual, "public API changed:\n" + string.Join("\n", diff));
    }

    private static string Describe(Assembly assembly)
    {
        var text = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            text.Append(Kind(type)).Append(' ').Append(Name(type)).Append('\n');
            const BindingFlags Flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            var members = type.GetMembers(Flags)
                .Where(m => m is not MethodInfo { IsSpecialName: true })
                .Where(m => !(type.IsEnum && m is FieldInfo { IsSpecialName: true }))
                .Select(Member)
                .Where(m => m.Length > 0)
                .Order(StringComparer.Ordinal);
            foreach (var member in members)
            {
                text.Append("  ").Append(member).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Kind(Type type) =>
        type.IsEnum ? "enum" : type.IsInterface ? "interface" : type.IsValueType ? "struct" : type.IsAbstract && type.IsSealed ? "static class" : "class";

    private static string Member(MemberInfo member) => member switch
    {
        ConstructorInfo c => $"ctor({Parameters(c)})",
        MethodInfo m => $"{(m.IsStatic ? "static " : string.Empty)}{Name(m.ReturnType)} {m.Name}{Generic(m)}({Parameters(m)})",
        PropertyInfo p => $"{(p.GetMethod?.IsStatic == true ? "static " : string.Empty)}{Name(p.PropertyType)} {p.Name} {{{(p.GetMethod?.IsPublic == true ? " get;" : string.Empty)}{(p.SetMethod?.IsPublic == true ? " set;" : string.Empty)} }}",
        FieldInfo f => $"{(f.IsStatic ? "static " : string.Empty)}{Name(f.FieldType)} {f.Name}",
        Type nested => string.Empty,
        EventInfo e => $"event {e.Name}",
        _ => member.Name,
    };

    private static string Generic(MethodInfo method) =>
        method.IsGenericMethod ? "<" + string.Join(", ", method.GetGenericArguments().Select(a => a.Name)) + ">" : string.Empty;

    private static string Parameters(MethodBase method) =>
        string.Join(", ", method.GetParameters().Select(p => $"{Name(p.ParameterType)} {p.Name}{(p.HasDefaultValue ? " = …" : string.Empty)}"));

    private static string Name(Type type)
    {
        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        if (type.IsArray)
        {
            return Name(type.GetElementType()!) + "[]";
        }

        if (type.IsByRef)
        {
            return "ref " + Name(type.GetElementType()!);
        }

        var name = (type.DeclaringType is { } outer && !type.IsGenericParameter ? Name(outer) + "." : type.Namespace + ".") + type.Name;
        if (!type.IsGenericType)
        {
            return name;
        }

        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return (tick < 0 ? name : name[..tick]) + "<" + string.Join(", ", type.GetGenericArguments().Select(Name)) + ">";
    }
}
