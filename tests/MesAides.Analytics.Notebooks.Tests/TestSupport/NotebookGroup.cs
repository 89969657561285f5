namespace MesAides.Analytics.Notebooks.Tests.TestSupport;

/// <summary>
/// Every test of this project that runs a kernel or touches the formatter registry: both are process-wide,
/// and so is the current directory that notebook <c>#r</c> paths resolve against.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NotebookGroup : ICollectionFixture<NotebookRuns>
{
    public const string Name = "Notebooks";
}
