// The `conversation-kit/testing` entry point: the adapter conformance suite, which checks that a
// `ChatAdapter` does everything the kit relies on, in the adapter author's own test runner
// (docs/adapters.md). Test code only: it holds no component, and a host app never imports it.
export { AdapterConformanceError } from './testing/assertions';
export { adapterConformanceCheckNames } from './testing/checks';
export { defineAdapterConformanceSuite, runAdapterConformance } from './testing/conformance';
export type {
  AdapterConformanceBackend,
  AdapterConformanceFactory,
  AdapterConformanceOptions,
  AdapterConformanceResult,
  ConformanceTestRunner,
} from './testing/types';
