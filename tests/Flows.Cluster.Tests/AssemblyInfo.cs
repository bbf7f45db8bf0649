// The lane shares one single-node cluster (2 CPUs) and one Docker engine: its tests run one at a time.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
