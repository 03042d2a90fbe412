using PciZone.Estate;
using PciZone.Ingest;

namespace PciZone.Cli.Scan;

/// <summary>
/// Loads inputs so that one unreadable path never costs the others: if the loader throws on the whole
/// set, each path is loaded on its own and the one that throws becomes an input error.
/// </summary>
internal static class InputLoading
{
    public static LoadResult Load(IReadOnlyList<string> paths)
    {
        try
        {
            return InputLoader.Load(paths);
        }
        catch (Exception ex) when (paths.Count > 1 && ex is not OutOfMemoryException)
        {
            return LoadEach(paths);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new LoadResult(AwsEstate.Empty, [], [], [Unreadable(paths[0], ex)], []);
        }
    }

    private static LoadResult LoadEach(IReadOnlyList<string> paths)
    {
        var resources = new List<Resource>();
        var addresses = new HashSet<string>(StringComparer.Ordinal);
        var inputs = new List<InputFile>();
        var skipped = new List<SkippedFile>();
        var errors = new List<InputError>();
        var notes = new List<InputNote>();
        foreach (var path in paths)
        {
            LoadResult one;
            try
            {
                one = InputLoader.Load([path]);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                errors.Add(Unreadable(path, ex));
                continue;
            }

            // Each path was loaded alone, so the loader could not qualify addresses across paths; the first wins.
            resources.AddRange(one.Estate.Resources.Where(r => addresses.Add(r.Address)));
            inputs.AddRange(one.Inputs);
            skipped.AddRange(one.Skipped);
            errors.AddRange(one.Errors);
            notes.AddRange(one.Notes);
        }

        return new LoadResult(new AwsEstate(resources), inputs, skipped, errors, notes);
    }

    private static InputError Unreadable(string path, Exception ex) =>
        new(path, 0, $"internal error while reading: {ex.GetType().Name}: {ex.Message}");
}
