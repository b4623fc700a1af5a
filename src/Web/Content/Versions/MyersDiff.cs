namespace VillageCraftPortal.Web.Content.Versions;

/// <summary>One step of an edit script: keep older[i] (= newer[j]), delete older[i], or insert newer[j].</summary>
internal readonly record struct Edit(SegmentKind Kind, int Older, int Newer);

/// <summary>
/// Myers' O((N+M)·D) shortest edit script over sequences of interned ids, with a ceiling on D: when more than
/// <c>maxEdits</c> insertions and deletions are needed it gives up (returns null) after O((N+M)·maxEdits) steps and
/// O(maxEdits²) memory, so the caller can show the change more coarsely.
/// </summary>
internal static class MyersDiff
{
    public static List<Edit>? Diff(ReadOnlySpan<int> older, ReadOnlySpan<int> newer, int maxEdits)
    {
        int n = older.Length, m = newer.Length;
        var limit = Math.Min(maxEdits, n + m);
        var offset = limit + 1;
        var v = new int[(2 * limit) + 3];
        var trace = new List<int[]>();
        for (var d = 0; d <= limit; d++)
        {
            // Keep the furthest points reached after d-1 edits, for diagonals -d-1..d+1 (what backtracking reads).
            trace.Add(v[(offset - d - 1)..(offset + d + 2)]);
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && older[x] == newer[y])
                {
                    x++;
                    y++;
                }

                v[offset + k] = x;
                if (x >= n && y >= m)
                {
                    return Backtrack(trace, n, m);
                }
            }
        }

        return null;
    }

    private static List<Edit> Backtrack(List<int[]> trace, int n, int m)
    {
        var edits = new List<Edit>(n + m);
        int x = n, y = m;
        for (var d = trace.Count - 1; d >= 0; d--)
        {
            var v = trace[d];
            int At(int k) => v[k + d + 1];
            var k = x - y;
            var previousK = k == -d || (k != d && At(k - 1) < At(k + 1)) ? k + 1 : k - 1;
            var previousX = At(previousK);
            var previousY = previousX - previousK;
            while (x > previousX && y > previousY)
            {
                edits.Add(new Edit(SegmentKind.Unchanged, --x, --y));
            }

            if (d > 0)
            {
                edits.Add(x == previousX ? new Edit(SegmentKind.Inserted, x, previousY) : new Edit(SegmentKind.Deleted, previousX, y));
            }

            x = previousX;
            y = previousY;
        }

        edits.Reverse();
        return edits;
    }
}
