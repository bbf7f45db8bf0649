namespace Flows.Cluster.Tests;

// Scenario 8 of the lane (issue 8): pod tasks with sidecars on the real cluster.
// Not written yet: it waits for the pod-task feature. Its tests go here, in the shape of the other scenarios:
// a fixture flow in Fixtures/ClusterApp, its image from FlowApp.ClusterApp.PushedImageAsync, a TestNamespace,
// the run through SubmitRun, and LaneCluster.AssertNothingLeftAsync at the end.
