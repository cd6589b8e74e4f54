using Wann.Engine;
using Wann.Engine.Evaluation;
using Wann.Engine.Tasks;

namespace Wann.Host.Cluster;

/// <summary><c>wann train --cluster FILE</c>: the cluster as the search's evaluator, after checking the config and the task.</summary>
public static class ClusterTraining
{
    public static IEvaluator Connect(string configFile, TaskSpec task)
    {
        var config = ClusterConfigLoader.Load(configFile);
        if (task.Kind != TaskKind.Rollout)
            throw new WannException($"--cluster: task {task.Name} is a classification task; the cluster evaluates rollout tasks (run it without --cluster)");
        if (config.Certificate is not null) ClusterHosting.LoadCertificate(config);
        Action<string> say = message => Console.Error.WriteLine($"wann: cluster: {message}");
        if (config.PlaintextWarning is { } warning) say(warning);
        if (task.Rewards is null)
            say($"note: task {task.Name} declares no bound on its rewards: workers' answers are checked by the host's re-evaluation of a sample of every shard only");
        return ClusterEvaluator.Connect(config, say);
    }
}
