export { createTestElastic, deleteTestIndices, uniqueIndexPrefix } from './elastic-test-helpers.js';
export { sampleAlert, sampleEvent, sampleIncident } from './sample-documents.js';
