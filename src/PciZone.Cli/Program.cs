using PciZone.Cli;

// The process shell: everything else runs through CliApp so tests can drive it in-process.
var host = CliHost.FromProcess();
var code = CliApp.Run(args, host);
try
{
    host.Out.Flush();
}
catch (IOException)
{
    // The reader of stdout went away (`pcizone ... | head`); there is nobody left to tell.
}

return code;
