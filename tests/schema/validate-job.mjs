// Validates one batch/v1 Job from stdin (see validate.mjs). Used by tests/Flows.Runtime.Tests/Kubernetes/JobSchemaTests.cs.
import { Job } from "kubernetes-models/batch/v1/Job";
import { validate } from "./validate.mjs";

await validate(Job, "batch/v1 Job");
