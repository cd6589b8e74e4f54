using System.Text;
using Wann.Engine;
using Wann.Engine.Evaluation;
using Wann.Engine.Formats;
using Wann.Engine.Programs;
using Wann.Host.Evaluation;
using Wann.Host.Output;
using Wann.Kernels.Backends;

namespace Wann.Host.Commands;

/// <summary><c>wann predict</c>: raw CSV rows in, the class a csv network predicts for each out, by name.</summary>
public static class PredictCommand
{
    public static int Run(PredictOptions options)
    {
        var weights = PredictionWeights.From(options.Weight, options.Stored);
        string file = NetworkPath.File(options.Net);
        if (NetworkFiles.IsOutMatrix(file)) throw NoContract(file); // refused before it is read: a .out file holds no contract
        var network = NetworkAndTask.LoadNetwork(file, null, null);
        var contract = network.Data ?? throw NoContract(file);
        var (inputs, rows) = ContractInputs.Read(options.Inputs, contract);

        var program = ProgramCompiler.Compile(network.Genome, weights.Mode);
        using var backend = BackendFactory.Create(BackendNames.Parse(options.Backend));
        var outputs = backend.Forward(ProgramBatch.Concatenate(new[] { program }), weights.Weights, inputs);
        var predictions = ClassPredictions.From(outputs, weights.Weights.Length, rows, contract.Classes.Count);

        var text = new StringBuilder();
        if (options.Scores) text.Append("label,").AppendJoin(',', contract.Classes).Append('\n');
        for (int r = 0; r < rows; r++)
        {
            text.Append(contract.Classes[predictions.Classes[r]]);
            if (options.Scores)
                for (int k = 0; k < contract.Classes.Count; k++)
                    text.Append(',').Append(CsvRows.Format((float)predictions.Probabilities[r * contract.Classes.Count + k]));
            text.Append('\n');
        }
        if (options.Out is null) Console.Out.Write(text.ToString());
        else
        {
            AtomicFile.WriteAllText(options.Out, text.ToString());
            WrittenFile.Say(options.Out, $"{rows} predictions, {weights.Description}");
        }
        return 0;
    }

    private static WannException NoContract(string file) =>
        new($"{file}: the network carries no data contract (feature names, scaling, class names), which only networks saved by " +
            "'wann train --task csv' of this version have: retrain it, or give it network inputs with 'wann forward'");
}
