using Caravan.Cli;

return CliRunner.Run(CaravanCommand.Create(), args);
