/**
 * The random-error function's exceptions.
 *
 * <p>The Java Lambda runtime reports a thrown exception's {@code errorType} as its fully
 * qualified class name, and Step Functions uses that {@code errorType} as the Task's error name.
 * The seed state machine retries {@code function.MaxDepthError} and catches
 * {@code function.DoublesRolledError}, so these classes live in a package named {@code function}:
 * that is the only way a Java handler can produce exactly those error names.
 */
package function;
