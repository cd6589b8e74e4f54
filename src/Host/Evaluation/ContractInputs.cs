using Wann.Engine.Datasets;
using Wann.Host.Output;

namespace Wann.Host.Evaluation;

/// <summary>Raw CSV rows (a file, or standard input for "-") as the inputs of a network that carries a <see cref="DataContract"/>: its features picked out and scaled.</summary>
public static class ContractInputs
{
    /// <summary>The network's inputs, row-major, and the number of rows.</summary>
    public static (float[] Inputs, int Rows) Read(string path, DataContract contract)
    {
        var table = CsvTable.Parse(CsvRows.ReadText(path), CsvRows.Name(path));
        return (contract.Inputs(RawFeatureRows.Read(table, contract)), table.Rows.Count);
    }
}
