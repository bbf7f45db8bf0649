// Validates one v1 Pod from stdin (see validate.mjs). Used by the pod task schema tests in tests/Flows.Runtime.Tests.
import { Pod } from "kubernetes-models/v1/Pod";
import { validate } from "./validate.mjs";

await validate(Pod, "v1 Pod");
