package io.stepwise.aws.api;

import io.stepwise.integrations.aws.AwsService;
import java.net.URI;
import java.util.Map;
import java.util.Set;

/** Where a service's API answers: AWS's own endpoints, or local servers by service. */
public interface AwsEndpoints {
  URI endpoint(AwsService service, String region);

  /** Services with a single endpoint, signed for us-east-1. */
  Set<String> GLOBAL = Set.of("iam", "cloudfront", "route53", "organizations", "globalaccelerator", "shield");

  static boolean isGlobal(AwsService service) {
    return GLOBAL.contains(service.key()) && service.globalEndpoint() != null;
  }

  /** {@code https://PREFIX.REGION.amazonaws.com} (the global endpoint for IAM, CloudFront, ...). */
  static AwsEndpoints aws() {
    return (service, region) -> isGlobal(service)
        ? URI.create("https://" + service.globalEndpoint())
        : URI.create("https://" + service.endpointPrefix() + "." + region + ".amazonaws.com"
            + (region.startsWith("cn-") ? ".cn" : ""));
  }

  /**
   * Local servers: one per service key, else {@code fallback}; a service with neither fails,
   * naming the service and {@code how} (the flag that gives one).
   */
  static AwsEndpoints local(Map<String, URI> byService, URI fallback, String how) {
    return (service, region) -> {
      URI uri = byService.get(service.key());
      if (uri != null) return uri;
      if (fallback != null) return fallback;
      throw new MissingEndpointException("no endpoint for the AWS service '" + service.key()
          + "' is configured locally: " + how);
    };
  }

  /** A Task needs a service that has no endpoint here. */
  final class MissingEndpointException extends RuntimeException {
    public MissingEndpointException(String message) {
      super(message);
    }
  }
}
