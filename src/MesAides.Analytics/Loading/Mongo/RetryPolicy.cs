namespace MesAides.Analytics.Loading.Mongo;

/// <summary>
/// Bounded retries with exponential backoff for transient errors (a replica set electing a new primary,
/// a dropped connection). Everything else fails at once: retrying a wrong password only locks accounts.
/// </summary>
/// <param name="MaxAttempts">Tries in all, the first one included.</param>
/// <param name="InitialDelay">Wait before the second try; each later wait is <paramref name="Multiplier"/> times longer.</param>
public sealed record RetryPolicy(int MaxAttempts, TimeSpan InitialDelay, double Multiplier = 2)
{
    /// <summary>3 tries, waiting 0.5 s then 1 s: long enough for a replica set election.</summary>
    public static RetryPolicy Default { get; } = new(3, TimeSpan.FromMilliseconds(500));

    public static RetryPolicy None { get; } = new(1, TimeSpan.Zero);

    /// <summary>How the policy waits; tests replace it to record the delays instead.</summary>
    public Action<TimeSpan> Sleep { get; init; } = Thread.Sleep;

    /// <summary>The wait after the <paramref name="failures"/>-th failure (1-based).</summary>
    public TimeSpan DelayAfter(int failures) =>
        TimeSpan.FromTicks((long)(InitialDelay.Ticks * Math.Pow(Multiplier, Math.Max(0, failures - 1))));

    /// <summary>True when another try is allowed after <paramref name="failures"/> failures of a transient kind.</summary>
    public bool ShouldRetry(int failures) => failures < MaxAttempts;

    /// <summary>Runs <paramref name="operation"/>, retrying it after transient errors; the last error is rethrown as is.</summary>
    /// <param name="onRetry">Told of each retry: failures so far, the wait, the error.</param>
    public T Run<T>(Func<T> operation, Func<Exception, bool> isTransient, Action<int, TimeSpan, Exception>? onRetry = null)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(isTransient);
        var failures = 0;
        while (true)
        {
            try
            {
                return operation();
            }
            catch (Exception e) when (isTransient(e) && ShouldRetry(failures + 1))
            {
                failures++;
                var delay = DelayAfter(failures);
                onRetry?.Invoke(failures, delay, e);
                Sleep(delay);
            }
        }
    }
}
