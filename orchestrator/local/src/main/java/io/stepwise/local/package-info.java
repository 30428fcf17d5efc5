/** The local side: embedded ElasticMQ, a dynalite process, and (later) the local stack. */
package io.stepwise.local;
