using BenchmarkDotNet.Attributes;

namespace PciZone.Benchmarks.Vault;

/// <summary>
/// The most token rows per second each store takes on this machine with nothing else running: durable
/// transactions on one connection, no HTTP, no crypto, no audit entries. Transactions of 1,000 rows are the
/// ceiling for the service's batch endpoint; transactions of 16 rows are what a group commit of single
/// requests at 16-64 in flight gets. The service does all the rest on top. Mean is per row
/// (OperationsPerInvoke); Items/s is rows per second. The table grows across iterations, as a real vault's does.
/// </summary>
[Config(typeof(ServiceConfig))]
public class VaultStoreCeiling
{
    private const int RowsPerInvocation = 40_000;

    private string _dir = "";
    private CeilingSqlite? _sqlite;
    private CeilingPostgres? _postgres;

    [Params("sqlite", "postgres")]
    public string Store { get; set; } = "sqlite";

    [Params(CeilingTables.VaultSchema, CeilingTables.LookupIndex, CeilingTables.NoIndex)]
    public string Indexes { get; set; } = CeilingTables.VaultSchema;

    [Params(16, 1_000)]
    public int RowsPerCommit { get; set; } = 1_000;

    [GlobalSetup]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("pcizone-bench-ceiling-").FullName;
        if (Store == "sqlite")
        {
            _sqlite = new CeilingSqlite(_dir, Indexes);
        }
        else
        {
            _postgres = CeilingPostgres.Start(Indexes);
        }

        Insert();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sqlite?.Dispose();
        _postgres?.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = RowsPerInvocation, Description = "Durable transactions")]
    public void Insert()
    {
        for (var written = 0; written < RowsPerInvocation; written += RowsPerCommit)
        {
            if (_sqlite is not null)
            {
                _sqlite.Write(RowsPerCommit);
            }
            else
            {
                _postgres!.Write(RowsPerCommit);
            }
        }
    }
}
