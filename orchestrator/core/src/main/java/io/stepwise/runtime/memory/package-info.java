/**
 * In-memory twins of the runtime's stores and queue, with the same contracts as the DynamoDB and
 * SQS adapters: records and history go through the same codecs, writes are conditional the
 * same way, and the queue runs on virtual time. The fast fault tests run the whole protocol on
 * them in seconds; the real-server tests are the contract both implementations pass.
 */
package io.stepwise.runtime.memory;
