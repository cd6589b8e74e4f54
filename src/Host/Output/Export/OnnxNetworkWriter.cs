using Google.Protobuf;
using Onnx;
using Wann.Engine;
using Wann.Engine.Activations;
using Wann.Engine.Programs;

namespace Wann.Host.Output.Export;

/// <summary>
/// Writes a compiled network as an ONNX model: one input tensor <c>inputs</c> of shape [N, nIn] and one
/// output tensor <c>outputs</c> of shape [N, nOut], N being any batch size. Each node of the network
/// becomes a handful of ONNX operators on one [N, 1] column, summed in the program's own order, so
/// OnnxRuntime computes what <c>wann forward</c> does up to the rounding of its transcendental functions.
/// </summary>
public static class OnnxNetworkWriter
{
    /// <summary>ONNX operator set the graph is written against (Shape with start/end needs 15).</summary>
    public const long OpsetVersion = 17;

    private const long IrVersion = 8;
    private const string InputName = "inputs";
    private const string OutputName = "outputs";

    /// <summary>
    /// The ONNX model of <paramref name="program"/> evaluated at shared weight <paramref name="sharedWeight"/>
    /// (1 for a program compiled with stored weights), as protobuf bytes.
    /// </summary>
    public static byte[] Write(NetworkProgram program, float sharedWeight, string graphName)
    {
        if (!float.IsFinite(sharedWeight)) throw new WannException($"shared weight {sharedWeight} is not a finite number");
        var graph = new GraphBuilder(program, sharedWeight).Build(graphName);
        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "wann",
            ProducerVersion = typeof(OnnxNetworkWriter).Assembly.GetName().Version?.ToString() ?? "",
            Graph = graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = OpsetVersion });
        return model.ToByteArray();
    }

    /// <summary>Builds one graph; holds the counters that keep tensor and node names unique.</summary>
    private sealed class GraphBuilder(NetworkProgram program, float sharedWeight)
    {
        private readonly GraphProto graph = new();
        private int nextName;

        public GraphProto Build(string name)
        {
            graph.Name = name;
            graph.Input.Add(MatrixInfo(InputName, program.InputCount));
            graph.Output.Add(MatrixInfo(OutputName, program.OutputCount));

            // Slot values as [N, 1] columns: the bias a column of ones shaped like the batch, the inputs split off.
            var slot = new string[program.NodeCount];
            string batch = Node("Shape", new[] { InputName }, Attribute("start", 0), Attribute("end", 1));
            string columnShape = Node("Concat", new[] { batch, Int64Constant(1) }, Attribute("axis", 0));
            slot[0] = Node("Expand", new[] { FloatConstant(1f, new long[] { 1, 1 }), columnShape });
            var inputColumns = Enumerable.Range(0, program.InputCount).Select(i => $"input{i}").ToArray();
            if (program.InputCount == 1) AddNode("Identity", new[] { InputName }, inputColumns);
            else AddNode("Split", new[] { InputName, Int64Constant(Enumerable.Repeat(1L, program.InputCount).ToArray()) }, inputColumns, Attribute("axis", 1));
            for (int i = 0; i < program.InputCount; i++) slot[1 + i] = inputColumns[i];

            for (int i = 0; i < program.InstructionCount; i++)
                slot[program.FirstComputedSlot + i] = Instruction(i, slot);

            AddNode("Concat", program.OutputSlot.Select(s => slot[s]).ToArray(), new[] { OutputName }, Attribute("axis", 1));
            return graph;
        }

        /// <summary>act(w * sum_k scale_k * value_k), added term by term in the program's order as the interpreter does.</summary>
        private string Instruction(int i, string[] slot)
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

        private static ValueInfoProto MatrixInfo(string name, int columns)
        {
            var shape = new TensorShapeProto();
            shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "N" });
            shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = columns });
            return new ValueInfoProto
            {
                Name = name,
                Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
            };
        }
    }
}
