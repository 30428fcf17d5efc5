package io.stepwise.asl;

import com.fasterxml.jackson.databind.JsonNode;
import io.stepwise.eval.PayloadTemplate;
import java.util.List;

/**
 * The fields every state type shares. Templates are precompiled for JSONPath states
 * ({@code parameters}, {@code resultSelector}, {@code assign}); JSONata states keep raw templates
 * ({@code arguments}, {@code output}, {@code assign}).
 *
 * @param next the next state's name, or null when the state ends its machine
 * @param events its entered and exited events' types and details, built once
 */
public record StateBase(
    String name, String type, QueryLanguage language, String next,
    PathField inputPath, PathField outputPath, PathField resultPath,
    PayloadTemplate parameters, PayloadTemplate resultSelector,
    JsonNode arguments, JsonNode output, Assign assign,
    List<Retrier> retry, List<Catcher> catchers, StateEvents events) {

  public boolean isJsonata() {
    return language == QueryLanguage.JSONATA;
  }

  public boolean isEnd() {
    return next == null;
  }
}
