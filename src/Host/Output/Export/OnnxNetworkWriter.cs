using Google.Protobuf;
using Onnx;
using Wann.Engine;
using Wann.Engine.Activations;
using Wann.Engine.Datasets;
using Wann.Engine.Programs;

namespace Wann.Host.Output.Export;

/// <summary>
/// Writes a compiled network as an ONNX model: one input tensor <c>inputs</c> of shape [N, nIn] and one
/// output tensor <c>outputs</c> of shape [N, nOut], N being any batch size. Each node of the network
/// becomes a handful of ONNX operators on one [N, 1] column, summed in the program's own order, so
/// OnnxRuntime computes what <c>wann forward</c> does up to the rounding of its transcendental functions.
/// A classifier with a <see cref="DataContract"/> (<see cref="WriteClassifier"/>) takes raw features instead,
/// scales them inside the graph, and gives the predicted class as <c>predict</c> does.
/// </summary>
public static class OnnxNetworkWriter
{
    /// <summary>ONNX operator set the graph is written against (Shape with start/end needs 15).</summary>
    public const long OpsetVersion = 17;

    /// <summary>Version of the ai.onnx.ml operator set (LabelEncoder with keys_int64s and values_strings needs 2).</summary>
    public const long MlOpsetVersion = 2;

    private const long IrVersion = 8;
    private const string MlDomain = "ai.onnx.ml";
    public const string InputName = "inputs";
    public const string OutputName = "outputs";
    public const string LabelName = "label";
    public const string ScoresName = "scores";
    public const string ClassIndexName = "class_index";

    /// <summary>
    /// The ONNX model of <paramref name="program"/> evaluated at shared weight <paramref name="sharedWeight"/>
    /// (1 for a program compiled with stored weights), as protobuf bytes.
    /// </summary>
    public static byte[] Write(NetworkProgram program, float sharedWeight, string graphName)
    {
        if (!float.IsFinite(sharedWeight)) throw new WannException($"shared weight {sharedWeight} is not a finite number");
        var builder = new GraphBuilder(program);
        return Model(builder.Plain(graphName, sharedWeight), mlOperators: false).ToByteArray();
    }

    /// <summary>
    /// The ONNX model of a classifier that carries <paramref name="contract"/>: input <c>inputs</c> [N, features] holds
    /// raw feature values in the contract's order (the scaling fitted on the training file is applied inside, in
    /// double precision as training does); outputs <c>label</c> [N] (class names), <c>scores</c> [N, classes] (softmax
    /// averaged over <paramref name="weights"/>) and <c>class_index</c> [N], plus <c>outputs</c> [N, classes] (the
    /// network's outputs) when there is one weight. The class is that of the largest softmax sum, as <c>predict</c> picks it.
    /// The model's metadata names the features, the classes, the label column and the weights.
    /// </summary>
    public static byte[] WriteClassifier(NetworkProgram program, float[] weights, string weightsDescription, DataContract contract, string graphName)
    {
        if (weights.Length == 0 || weights.Any(w => !float.IsFinite(w))) throw new WannException("the weights to export must be finite numbers");
        if (contract.Validate(program.InputCount, program.OutputCount) is { } problem) throw new WannException($"data contract {problem}");
        var builder = new GraphBuilder(program);
        var model = Model(builder.Classifier(graphName, weights, contract), mlOperators: true);
        string Json(IEnumerable<string> names) => System.Text.Json.JsonSerializer.Serialize(names);
        foreach (var (key, value) in new[]
                 {
                     ("features", Json(contract.Features)), ("classes", Json(contract.Classes)), ("label_column", contract.Label),
                     ("weights", weightsDescription), ("scaling", contract.Scaling is null ? "none" : "standard (training file's mean and sd)"),
                     ("training_file", contract.Training.File), ("training_sha256", contract.Training.Sha256),
                 })
            model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        return model.ToByteArray();
    }

    private static ModelProto Model(GraphProto graph, bool mlOperators)
    {
        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "wann",
            ProducerVersion = typeof(OnnxNetworkWriter).Assembly.GetName().Version?.ToString() ?? "",
            Graph = graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = OpsetVersion });
        if (mlOperators) model.OpsetImport.Add(new OperatorSetIdProto { Domain = MlDomain, Version = MlOpsetVersion });
        return model;
    }

    /// <summary>Builds one graph; holds the counters that keep tensor and node names unique.</summary>
    private sealed class GraphBuilder(NetworkProgram program)
    {
        private readonly GraphProto graph = new();
        private int nextName;

        /// <summary>inputs [N, nIn] to outputs [N, nOut] at one weight.</summary>
        public GraphProto Plain(string name, float weight)
        {
            graph.Name = name;
            graph.Input.Add(TensorInfo(InputName, TensorProto.Types.DataType.Float, program.InputCount));
            graph.Output.Add(TensorInfo(OutputName, TensorProto.Types.DataType.Float, program.OutputCount));
            Network(Columns(InputName), weight, OutputName);
            return graph;
        }

        /// <summary>Raw features to label, scores and class index (see <see cref="WriteClassifier"/>).</summary>
        public GraphProto Classifier(string name, float[] weights, DataContract contract)
        {
            graph.Name = name;
            graph.DocString = $"inputs: raw values of the features {string.Join(", ", contract.Features)} (in this order); " +
                              $"label: the predicted {contract.Label}, one of {string.Join(", ", contract.Classes)}";
            int classes = program.OutputCount;
            graph.Input.Add(TensorInfo(InputName, TensorProto.Types.DataType.Float, program.InputCount));
            graph.Output.Add(TensorInfo(LabelName, TensorProto.Types.DataType.String, null));
            graph.Output.Add(TensorInfo(ScoresName, TensorProto.Types.DataType.Float, classes));
            graph.Output.Add(TensorInfo(ClassIndexName, TensorProto.Types.DataType.Int64, null));

            // (float)((x - mean) * scale) in double, as FeatureScaling computes it.
            string features = InputName;
            if (contract.Scaling is { } scaling)
            {
                string wide = Node("Cast", new[] { InputName }, Attribute("to", (long)TensorProto.Types.DataType.Double));
                string shifted = Node("Sub", new[] { wide, DoubleConstant(scaling.Means.ToArray(), 1, scaling.Width) });
                string scaled = Node("Mul", new[] { shifted, DoubleConstant(Enumerable.Range(0, scaling.Width).Select(scaling.Scale).ToArray(), 1, scaling.Width) });
                features = Node("Cast", new[] { scaled }, Attribute("to", (long)TensorProto.Types.DataType.Float));
            }
            var columns = Columns(features);

            // Softmax of each weight's outputs in double, a row whose outputs are not all finite counting as zeros, summed in weight order.
            string? sum = null;
            foreach (float weight in weights)
            {
                string outputs = weights.Length == 1 ? OutputName : $"t{nextName++}";
                Network(columns, weight, outputs);
                string wide = Node("Cast", new[] { outputs }, Attribute("to", (long)TensorProto.Types.DataType.Double));
                string softmax = Node("Softmax", new[] { wide }, Attribute("axis", 1));
                string cleaned = Node("Where", new[] { Node("IsNaN", new[] { softmax }), DoubleConstant(new[] { 0.0 }), softmax });
                sum = sum is null ? cleaned : Node("Add", new[] { sum, cleaned });
            }
            if (weights.Length == 1) graph.Output.Add(TensorInfo(OutputName, TensorProto.Types.DataType.Float, classes));

            AddNode("ArgMax", new[] { sum! }, new[] { ClassIndexName }, Attribute("axis", 1), Attribute("keepdims", 0));
            string mean = Node("Div", new[] { sum!, DoubleConstant(new[] { (double)weights.Length }) });
            AddNode("Cast", new[] { mean }, new[] { ScoresName }, Attribute("to", (long)TensorProto.Types.DataType.Float));
            var encoder = new NodeProto { OpType = "LabelEncoder", Domain = MlDomain, Name = $"LabelEncoder_{nextName++}" };
            encoder.Input.Add(ClassIndexName);
            encoder.Output.Add(LabelName);
            encoder.Attribute.Add(new AttributeProto { Name = "keys_int64s", Type = AttributeProto.Types.AttributeType.Ints, Ints = { Enumerable.Range(0, classes).Select(k => (long)k) } });
            encoder.Attribute.Add(new AttributeProto { Name = "values_strings", Type = AttributeProto.Types.AttributeType.Strings, Strings = { contract.Classes.Select(ByteString.CopyFromUtf8) } });
            encoder.Attribute.Add(new AttributeProto { Name = "default_string", Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8("") });
            graph.Node.Add(encoder);
            return graph;
        }

        /// <summary>The bias (a column of ones shaped like the batch) and the input columns of <paramref name="source"/>, as [N, 1] columns: the first slots of the program.</summary>
        private string[] Columns(string source)
        {
            var slots = new string[1 + program.InputCount];
            string batch = Node("Shape", new[] { source }, Attribute("start", 0), Attribute("end", 1));
            string columnShape = Node("Concat", new[] { batch, Int64Constant(1) }, Attribute("axis", 0));
            slots[0] = Node("Expand", new[] { FloatConstant(1f, new long[] { 1, 1 }), columnShape });
            var inputColumns = Enumerable.Range(0, program.InputCount).Select(i => $"input{i}").ToArray();
            if (program.InputCount == 1) AddNode("Identity", new[] { source }, inputColumns);
            else AddNode("Split", new[] { source, Int64Constant(Enumerable.Repeat(1L, program.InputCount).ToArray()) }, inputColumns, Attribute("axis", 1));
            inputColumns.CopyTo(slots, 1);
            return slots;
        }

        /// <summary>The network at <paramref name="weight"/> on the first slots <paramref name="columns"/>; its outputs concatenated into <paramref name="output"/>.</summary>
        private void Network(string[] columns, float weight, string output)
        {
            var slot = new string[program.NodeCount];
            columns.CopyTo(slot, 0);
            for (int i = 0; i < program.InstructionCount; i++)
                slot[program.FirstComputedSlot + i] = Instruction(i, slot, weight);
            AddNode("Concat", program.OutputSlot.Select(s => slot[s]).ToArray(), new[] { output }, Attribute("axis", 1));
        }

        /// <summary>act(w * sum_k scale_k * value_k), added term by term in the program's order as the interpreter does.</summary>
        private string Instruction(int i, string[] slot, float sharedWeight)
        {
            int first = program.FirstEdge[i], count = program.EdgeCount[i];
            string? sum = null;
            for (int k = first; k < first + count; k++)
            {
                string term = slot[program.EdgeSource[k]];
                if (program.EdgeScale[k] != 1f) term = Node("Mul", new[] { term, FloatConstant(program.EdgeScale[k]) });
                sum = sum is null ? term : Node("Add", new[] { sum, term });
            }
            sum ??= Node("Mul", new[] { slot[0], FloatConstant(0f) }); // no incoming edges: a column of zeros
            string x = sharedWeight == 1f ? sum : Node("Mul", new[] { sum, FloatConstant(sharedWeight) });
            return Activate(program.Activation[i], x);
        }

        /// <summary>The activation's ONNX form (<see cref="ActivationTable"/>) on column <paramref name="x"/>.</summary>
        private string Activate(int id, string x) => Emit(
            (ActivationTable.Find(id) ?? throw new WannException($"activation id {id} has no ONNX form (ids run from {ActivationTable.MinId} to {ActivationTable.MaxId})")).Onnx, x);

        /// <summary>Adds the nodes of <paramref name="form"/> (inputs first, left to right) and returns its output's name.</summary>
        private string Emit(OnnxForm form, string x) => form switch
        {
            OnnxForm.Input => x,
            OnnxForm.FloatConstant constant => FloatConstant(constant.Value),
            OnnxForm.Operator op => Node(op.Name, op.Inputs.Select(input => Emit(input, x)).ToArray(),
                op.Attributes.Select(a => Attribute(a.Name, a.Value)).ToArray()),
            _ => throw new InvalidOperationException($"unknown ONNX form {form}"),
        };

        /// <summary>Adds a one-output node and returns its output's name.</summary>
        private string Node(string op, string[] inputs, params AttributeProto[] attributes)
        {
            string output = $"t{nextName++}";
            AddNode(op, inputs, new[] { output }, attributes);
            return output;
        }

        private void AddNode(string op, string[] inputs, string[] outputs, params AttributeProto[] attributes)
        {
            var node = new NodeProto { OpType = op, Name = $"{op}_{nextName++}" };
            node.Input.AddRange(inputs);
            node.Output.AddRange(outputs);
            node.Attribute.AddRange(attributes);
            graph.Node.Add(node);
        }

        private string FloatConstant(float value, long[]? dims = null)
        {
            var tensor = new TensorProto { Name = $"c{nextName++}", DataType = (int)TensorProto.Types.DataType.Float };
            if (dims is not null) tensor.Dims.AddRange(dims);
            tensor.FloatData.Add(value);
            graph.Initializer.Add(tensor);
            return tensor.Name;
        }

        private string DoubleConstant(double[] values, params long[] dims)
        {
            var tensor = new TensorProto { Name = $"c{nextName++}", DataType = (int)TensorProto.Types.DataType.Double };
            tensor.Dims.AddRange(dims.Length > 0 ? dims : new long[] { values.Length });
            tensor.DoubleData.AddRange(values);
            graph.Initializer.Add(tensor);
            return tensor.Name;
        }

        private string Int64Constant(params long[] values)
        {
            var tensor = new TensorProto { Name = $"c{nextName++}", DataType = (int)TensorProto.Types.DataType.Int64 };
            tensor.Dims.Add(values.Length);
            tensor.Int64Data.AddRange(values);
            graph.Initializer.Add(tensor);
            return tensor.Name;
        }

        private static AttributeProto Attribute(string name, long value) =>
            new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

        /// <summary>A tensor of <paramref name="type"/> with N rows (any batch size) and <paramref name="columns"/> columns; a vector of N when columns is null.</summary>
        private static ValueInfoProto TensorInfo(string name, TensorProto.Types.DataType type, int? columns)
        {
            var shape = new TensorShapeProto();
            shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "N" });
            if (columns is { } c) shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = c });
            return new ValueInfoProto
            {
                Name = name,
                Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
            };
        }
    }
}
