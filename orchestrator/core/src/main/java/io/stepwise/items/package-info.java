/**
 * Distributed Map's ItemReader and ResultWriter: reading items from object storage in resumable
 * pieces ({@link io.stepwise.items.ItemStream}, {@link io.stepwise.items.ItemCursor}) and writing
 * a Map Run's results in Step Functions' layout ({@link io.stepwise.items.ResultFiles}). Storage
 * is the narrow {@link io.stepwise.items.ObjectStorage}; the S3 adapter lives in the Lambda module.
 */
package io.stepwise.items;
