namespace MesAides.Analytics.Tests.TestSupport;

/// <summary>Where the repository, the test fixtures and the shared upstream fixtures are.</summary>
public static class Paths
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Fixtures => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static string Fixture(string relative) => Path.Combine(Fixtures, relative);

    /// <summary><c>../shared/fixtures/upstream</c> next to the project, or null where it is absent.</summary>
    public static string? UpstreamDirectory
    {
        get
        {
            var directory = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "fixtures", "upstream"));
            return Directory.Exists(directory) ? directory : null;
        }
    }

    /// <summary>An upstream fixture; the test is reported as skipped where ../shared is absent.</summary>
    public static string Upstream(string file)
    {
        Skip.If(UpstreamDirectory is null, "../shared/fixtures/upstream is absent: upstream fixtures not checked");
        return Path.Combine(UpstreamDirectory!, file);
    }

    public static string TempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "mesaides-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MesAides.Analytics.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("MesAides.Analytics.sln not found above the test directory");
    }
}
