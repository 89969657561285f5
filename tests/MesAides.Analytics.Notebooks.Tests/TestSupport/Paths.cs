namespace MesAides.Analytics.Notebooks.Tests.TestSupport;

/// <summary>Folders of the repository, found from the test binaries upwards.</summary>
public static class Paths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Notebooks => Path.Combine(RepositoryRoot, "notebooks");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MesAides.Analytics.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MesAides.Analytics.sln not found above " + AppContext.BaseDirectory);
    }
}
