/**
 * Local stand-ins for AWS: {@link io.stepwise.local.servers.ElasticMqServer} (SQS, in this JVM),
 * {@link io.stepwise.local.servers.DynaliteServer} (DynamoDB, a node process) and {@link
 * io.stepwise.local.servers.AwsClients} (real SDK clients aimed at them). Used by the tests and by
 * {@code ./stepwise local}.
 */
package io.stepwise.local.servers;
