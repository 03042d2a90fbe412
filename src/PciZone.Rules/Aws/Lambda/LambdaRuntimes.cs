namespace PciZone.Rules.Aws.Lambda;

/// <summary>
/// The deprecation calendar of Lambda's managed runtimes (AWS Lambda developer guide, "Lambda
/// runtimes": the deprecation date after which a runtime gets no more security patches). Update it
/// when AWS announces or moves a date; a runtime that is not listed is reported as Unknown.
/// </summary>
internal static class LambdaRuntimes
{
    private static readonly Dictionary<string, DateOnly> Deprecation = new(StringComparer.Ordinal)
    {
        ["nodejs24.x"] = new(2028, 4, 30),
        ["nodejs22.x"] = new(2027, 4, 30),
        ["nodejs20.x"] = new(2026, 4, 30),
        ["nodejs18.x"] = new(2025, 9, 1),
        ["nodejs16.x"] = new(2024, 6, 12),
        ["nodejs14.x"] = new(2023, 12, 4),
        ["nodejs12.x"] = new(2023, 3, 31),
        ["nodejs10.x"] = new(2021, 7, 30),
        ["nodejs8.10"] = new(2020, 3, 6),
        ["nodejs6.10"] = new(2019, 8, 12),
        ["nodejs4.3"] = new(2020, 3, 5),
        ["nodejs4.3-edge"] = new(2020, 3, 5),
        ["nodejs"] = new(2016, 10, 31),
        ["python3.14"] = new(2029, 6, 30),
        ["python3.13"] = new(2029, 6, 30),
        ["python3.12"] = new(2028, 10, 31),
        ["python3.11"] = new(2026, 6, 30),
        ["python3.10"] = new(2026, 6, 30),
        ["python3.9"] = new(2025, 12, 15),
        ["python3.8"] = new(2024, 10, 14),
        ["python3.7"] = new(2023, 12, 4),
        ["python3.6"] = new(2022, 7, 18),
        ["python2.7"] = new(2021, 7, 15),
        ["java25"] = new(2029, 6, 30),
        ["java21"] = new(2029, 6, 30),
        ["java17"] = new(2026, 6, 30),
        ["java11"] = new(2026, 6, 30),
        ["java8.al2"] = new(2026, 6, 30),
        ["java8"] = new(2024, 1, 8),
        ["dotnet10"] = new(2028, 11, 14),
        ["dotnet8"] = new(2026, 11, 10),
        ["dotnet7"] = new(2024, 5, 14),
        ["dotnet6"] = new(2024, 11, 12),
        ["dotnet5.0"] = new(2022, 5, 10),
        ["dotnetcore3.1"] = new(2023, 4, 3),
        ["dotnetcore2.1"] = new(2022, 1, 5),
        ["dotnetcore2.0"] = new(2019, 5, 30),
        ["dotnetcore1.0"] = new(2019, 7, 27),
        ["ruby3.4"] = new(2028, 3, 31),
        ["ruby3.3"] = new(2027, 3, 31),
        ["ruby3.2"] = new(2026, 3, 31),
        ["ruby2.7"] = new(2023, 11, 27),
        ["ruby2.5"] = new(2021, 7, 30),
        ["go1.x"] = new(2024, 1, 8),
        ["provided.al2023"] = new(2029, 6, 30),
        ["provided.al2"] = new(2026, 6, 30),
        ["provided"] = new(2024, 1, 8),
    };

    /// <summary>The runtime's deprecation date, or null when the runtime is not in the calendar.</summary>
    public static DateOnly? DeprecatedOn(string runtime) =>
        Deprecation.TryGetValue(runtime, out var date) ? date : null;
}
