using Microsoft.EntityFrameworkCore.Infrastructure;

namespace VillageCraftPortal.Commerce.Persistence;

public static class SavepointExtensions
{
    /// <summary>
    /// Runs <paramref name="work"/> with EF's automatic savepoints off, then restores the setting. A savepoint around each
    /// save inside a transaction costs two round trips (SAVEPOINT, RELEASE) and buys nothing when any failure rolls the
    /// whole transaction back.
    /// </summary>
    public static async Task<T> WithoutSavepointsAsync<T>(this DatabaseFacade database, Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(work);
        var savepoints = database.AutoSavepointsEnabled;
        database.AutoSavepointsEnabled = false;
        try
        {
            return await work();
        }
        finally
        {
            database.AutoSavepointsEnabled = savepoints;
        }
    }
}
