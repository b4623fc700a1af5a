using System.Diagnostics;

namespace VillageCraftPortal.Bench.Trips;

/// <summary>Latencies in milliseconds and their percentiles (nearest rank).</summary>
internal sealed class Latencies
{
    private readonly List<double> _values = [];
    private double[]? _sorted;

    public int Count => _values.Count;

    public void Add(double milliseconds)
    {
        _values.Add(milliseconds);
        _sorted = null;
    }

    public double Percentile(double p)
    {
        if (_values.Count == 0)
        {
            return double.NaN;
        }

        _sorted ??= [.. _values.Order()];
        var rank = (int)Math.Ceiling(p / 100 * _sorted.Length);
        return _sorted[Math.Clamp(rank - 1, 0, _sorted.Length - 1)];
    }

    public double Max => _values.Count == 0 ? double.NaN : _values.Max();

    public double Mean => _values.Count == 0 ? double.NaN : _values.Average();
}

internal static class Elapsed
{
    public static double Milliseconds(long startTicks) => Stopwatch.GetElapsedTime(startTicks).TotalMilliseconds;
}
