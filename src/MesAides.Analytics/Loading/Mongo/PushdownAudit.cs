using MesAides.Analytics.Analyses;

namespace MesAides.Analytics.Loading.Mongo;

/// <summary>Where a step of the counts ran, and why there.</summary>
/// <param name="Step">A cleaning rule id, or <c>mapping</c>, <c>daily</c>, <c>housing</c>, <c>geography</c>.</param>
/// <param name="Where"><c>server</c>, <c>client</c>, <c>server+client</c> or <c>disabled</c>.</param>
/// <param name="OnServer">Documents (or kept situations, for tables) counted by the server's aggregations.</param>
/// <param name="OnClient">Documents (or kept situations) counted on the client, from the doubtful documents it read.</param>
public sealed record PushdownStep(string Step, string Where, long OnServer, long OnClient, string Why);

/// <summary>
/// What the pushdown did: plain documents were counted by the server; doubtful ones were read and
/// decided on the client with the client path's code. A large <see cref="ClientDocuments"/> share means
/// the stored types differ from the mapper's usual ones (the result is still exact, only slower).
/// </summary>
/// <param name="ServerDocuments">Plain documents, counted by <c>$group</c> on the server.</param>
/// <param name="ClientDocuments">Doubtful documents, fetched and mapped on the client.</param>
/// <param name="CollidingIds">ObjectId documents read on the client because another document's id equals theirs as text.</param>
public sealed record PushdownAudit(long ServerDocuments, long ClientDocuments, long CollidingIds, IReadOnlyList<PushdownStep> Steps)
{
    /// <summary>Grain: one row per step.</summary>
    public Table Table => new(
        "pushdown",
        [Column.Text("step"), Column.Text("where"), Column.Number("on_server"), Column.Number("on_client"), Column.Text("why")],
        [.. Steps.Select(s => new object?[] { s.Step, s.Where, s.OnServer, s.OnClient, s.Why })]);

    public override string ToString() =>
        $"pushdown: {ServerDocuments:N0} documents counted on the server, {ClientDocuments:N0} read and decided on the client";
}
