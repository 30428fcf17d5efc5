package io.stepwise.aws.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stepwise.integrations.aws.Shapes;
import io.stepwise.json.Json;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** XML bodies (query and rest-xml protocols) read into PascalCase JSON by their shapes, and written from it. */
final class XmlShapes {
  private XmlShapes() {}

  static Element parse(byte[] xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
    } catch (Exception e) {
      throw new IllegalArgumentException("not XML: " + e.getMessage(), e);
    }
  }

  static Element child(Element parent, String name) {
    for (Node n = parent == null ? null : parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && localName(e).equals(name)) return e;
    }
    return null;
  }

  static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && (name == null || localName(e).equals(name))) out.add(e);
    }
    return out;
  }

  static String text(Element parent, String name) {
    Element e = child(parent, name);
    return e == null ? null : e.getTextContent();
  }

  private static String localName(Element e) {
    return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
  }

  /** An element's value as the shape says: structures by member, lists, maps and typed scalars. */
  static JsonNode read(Element element, String shapeName, Shapes shapes) {
    JsonNode shape = shapes.shape(shapeName);
    String type = shape == null ? "string" : shape.path("t").asText();
    switch (type) {
      case "structure" -> {
        ObjectNode out = Json.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = shape.path("m").fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> m = it.next();
          JsonNode member = m.getValue();
          if (member.has("l")) continue; // headers and status travel outside the body
          String name = member.path("n").asText(m.getKey());
          String memberShape = member.path("s").asText();
          JsonNode target = shapes.shape(memberShape);
          boolean flattened = member.path("f").asBoolean(false) || (target != null && target.path("f").asBoolean(false));
          if (flattened && target != null && target.path("t").asText().equals("list")) {
            List<Element> items = children(element, name);
            if (items.isEmpty()) continue;
            ArrayNode list = Json.array();
            items.forEach(item -> list.add(read(item, target.path("e").path("s").asText(), shapes)));
            out.set(Shapes.pascal(m.getKey()), list);
          } else if (member.path("a").asBoolean(false)) {
            if (element.hasAttribute(name)) out.put(Shapes.pascal(m.getKey()), element.getAttribute(name));
          } else {
            Element e = child(element, name);
            if (e != null) out.set(Shapes.pascal(m.getKey()), read(e, memberShape, shapes));
          }
        }
        return out;
      }
      case "list" -> {
        ArrayNode list = Json.array();
        String item = shape.path("e").path("n").asText("member");
        children(element, item).forEach(e -> list.add(read(e, shape.path("e").path("s").asText(), shapes)));
        return list;
      }
      case "map" -> {
        ObjectNode map = Json.object();
        String key = shape.path("kn").asText("key");
        String value = shape.path("vn").asText("value");
        List<Element> entries = shape.path("f").asBoolean(false) ? children(element, null) : children(element, "entry");
        for (Element entry : entries) {
          Element v = child(entry, value);
          map.set(text(entry, key), v == null ? Json.text("") : read(v, shape.path("v").asText(), shapes));
        }
        return map;
      }
      default -> {
        return scalar(element.getTextContent(), type);
      }
    }
  }

  private static JsonNode scalar(String text, String type) {
    try {
      return switch (type) {
        case "boolean" -> Json.parse(Boolean.toString(Boolean.parseBoolean(text.trim())));
        case "integer", "long" -> Json.parse(Long.toString(Long.parseLong(text.trim())));
        case "float", "double" -> Json.parse(new BigDecimal(text.trim()).toPlainString());
        default -> Json.text(text);
      };
    } catch (NumberFormatException e) {
      return Json.text(text);
    }
  }

  /** Writes a structure's members as XML elements (rest-xml request bodies). */
  static void write(StringBuilder xml, String element, JsonNode value, String shapeName, Shapes shapes) {
    JsonNode shape = shapes.shape(shapeName);
    String type = shape == null ? "string" : shape.path("t").asText();
    xml.append('<').append(element).append('>');
    switch (type) {
      case "structure" -> value.fields().forEachRemaining(e -> {
        String member = Shapes.member(shape, e.getKey());
        if (member == null) return;
        JsonNode m = shape.path("m").path(member);
        JsonNode target = shapes.shape(m.path("s").asText());
        String name = m.path("n").asText(member);
        boolean flattened = m.path("f").asBoolean(false) || (target != null && target.path("f").asBoolean(false));
        if (flattened && e.getValue().isArray()) {
          e.getValue().forEach(v -> write(xml, name, v, target.path("e").path("s").asText(), shapes));
        } else {
          write(xml, name, e.getValue(), m.path("s").asText(), shapes);
        }
      });
      case "list" -> value.forEach(v -> write(xml, shape.path("e").path("n").asText("member"), v, shape.path("e").path("s").asText(), shapes));
      default -> xml.append(escape(RestBinding.text(value)));
    }
    xml.append("</").append(element).append('>');
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
