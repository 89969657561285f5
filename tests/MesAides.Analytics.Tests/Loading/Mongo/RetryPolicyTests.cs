using MesAides.Analytics.Loading.Mongo;

namespace MesAides.Analytics.Tests.Loading.Mongo;

public class RetryPolicyTests
{
    private sealed class Flaky(int failures, Func<Exception> error)
    {
        public int Calls { get; private set; }

        public string Run()
        {
            Calls++;
            return Calls <= failures ? throw error() : "done";
        }
    }

    private static (RetryPolicy Policy, List<TimeSpan> Waits) Recording(int attempts = 3)
    {
        var waits = new List<TimeSpan>();
        return (new RetryPolicy(attempts, TimeSpan.FromMilliseconds(500)) { Sleep = waits.Add }, waits);
    }

    [Fact]
    public void Transient_errors_are_retried_with_exponential_backoff()
    {
        var (policy, waits) = Recording();
        var operation = new Flaky(2, () => new TimeoutException("no server"));
        var retries = new List<int>();

        var result = policy.Run(operation.Run, e => e is TimeoutException, (failures, _, _) => retries.Add(failures));

        Assert.Equal("done", result);
        Assert.Equal(3, operation.Calls);
        Assert.Equal([TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1)], waits);
        Assert.Equal([1, 2], retries);
    }

    [Fact]
    public void Retries_are_bounded_and_the_last_error_is_rethrown()
    {
        var (policy, waits) = Recording();
        var operation = new Flaky(10, () => new TimeoutException("no server"));

        Assert.Throws<TimeoutException>(() => policy.Run(operation.Run, e => e is TimeoutException));
        Assert.Equal(3, operation.Calls);
        Assert.Equal(2, waits.Count);
    }

    [Fact]
    public void Other_errors_fail_at_once()
    {
        var (policy, waits) = Recording();
        var operation = new Flaky(1, () => new InvalidOperationException("wrong password"));

        Assert.Throws<InvalidOperationException>(() => policy.Run(operation.Run, e => e is TimeoutException));
        Assert.Equal(1, operation.Calls);
        Assert.Empty(waits);
    }

    [Fact]
    public void Delays_double_from_the_initial_one()
    {
        var policy = new RetryPolicy(5, TimeSpan.FromMilliseconds(200));

        Assert.Equal([200, 400, 800, 1600], Enumerable.Range(1, 4).Select(f => policy.DelayAfter(f).TotalMilliseconds));
        Assert.True(policy.ShouldRetry(4));
        Assert.False(policy.ShouldRetry(5));
        Assert.False(RetryPolicy.None.ShouldRetry(1));
    }
}
