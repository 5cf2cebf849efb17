package com.incidentconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.incidentconsole.testrun.BesideOtherTests;
import graphql.language.AstPrinter;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.TypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sandbox serves a subset of the plugin's GraphQL schema ({@code server/api/schema.graphqls}, copied
 * to the test resources from the reference). Every type, field, argument, default and enum value the
 * sandbox declares must be declared the same way there, so a document that validates against the
 * sandbox validates against a real server and gets the same shapes back.
 */
@BesideOtherTests
class GraphQlSchemaTest {

    @Test
    void theSandboxSchemaIsASubsetOfThePluginSchema() {
        TypeDefinitionRegistry sandbox = parse("/sandbox/playbooks-schema.graphqls");
        TypeDefinitionRegistry real = parse("/sandbox/playbooks-schema-reference.graphqls");
        for (TypeDefinition<?> type : sandbox.types().values()) {
            TypeDefinition<?> theirs = real.getType(type.getName()).orElse(null);
            assertNotNull(theirs, "type " + type.getName() + " is not in the plugin schema");
            assertEquals(theirs.getClass(), type.getClass(), type.getName());
            Map<String, String> mine = members(type);
            Map<String, String> reference = members(theirs);
            mine.forEach((name, signature) -> assertEquals(reference.get(name), signature, type.getName() + "." + name));
            if (type instanceof InputObjectTypeDefinition) {
                assertEquals(reference, mine, "input " + type.getName() + " must be complete: clients send any field");
            }
        }
        assertTrue(sandbox.getType("Run").isPresent() && sandbox.getType("RunConnection").isPresent());
    }

    /** Field or value name to its printed signature (arguments with defaults, type); directives left out. */
    static Map<String, String> members(TypeDefinition<?> type) {
        Map<String, String> out = new LinkedHashMap<>();
        if (type instanceof ObjectTypeDefinition object) {
            for (FieldDefinition f : object.getFieldDefinitions()) {
                StringBuilder s = new StringBuilder();
                for (InputValueDefinition arg : f.getInputValueDefinitions()) {
                    s.append(input(arg)).append(", ");
                }
                out.put(f.getName(), "(" + s + ")" + AstPrinter.printAst(f.getType()));
            }
        } else if (type instanceof InputObjectTypeDefinition input) {
            input.getInputValueDefinitions().forEach(v -> out.put(v.getName(), input(v)));
        } else if (type instanceof EnumTypeDefinition e) {
            e.getEnumValueDefinitions().stream().map(EnumValueDefinition::getName).forEach(v -> out.put(v, v));
        }
        return out;
    }

    private static String input(InputValueDefinition v) {
        return v.getName() + ": " + AstPrinter.printAst(v.getType())
                + (v.getDefaultValue() == null ? "" : " = " + AstPrinter.printAst(v.getDefaultValue()));
    }

    private static TypeDefinitionRegistry parse(String resource) {
        try (var in = GraphQlSchemaTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            return new SchemaParser().parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
