package io.unistore.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The Power Platform custom connector in {@code powerplatform/}: a Swagger 2.0 definition an OpenAPI parser reads
 * without a message, whose one operation carries the MCP Streamable extension Copilot Studio looks for and whose
 * security is the bearer token; and what it names is what the server serves - the jar, started over HTTP with the
 * definition's host allowed, answers initialize at the definition's path with the token in the header the
 * definition names, and refuses it without.
 */
class PowerPlatformConnectorIT {
    private static final Path CONNECTOR = Path.of("powerplatform");
    private static final String TOKEN = "pp-" + System.nanoTime();

    @TempDir
    static Path dir;
    static JsonNode swagger;
    static OpenAPI openApi;
    static HttpServerProcess server;

    @BeforeAll
    static void start() throws Exception {
        String text = Files.readString(CONNECTOR.resolve("apiDefinition.swagger.json"));
        swagger = new ObjectMapper().readTree(text);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIParser().readContents(text, null, options);
        assertThat(parsed.getMessages()).as("parser messages").isEmpty();
        openApi = parsed.getOpenAPI();
        server = HttpServerProcess.start(dir, "--config", ServerJar.localConfig(dir).toString(), "--token", TOKEN,
                "--allow-host", swagger.get("host").asString());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theDefinitionIsSwagger2WithOneMcpStreamableOperationBehindTheBearerToken() {
        assertThat(swagger.get("swagger").asString()).isEqualTo("2.0");
        assertThat(openApi.getPaths()).hasSize(1);
        Operation post = openApi.getPaths().values().iterator().next().getPost();
        assertThat(post).as("the one path is a POST").isNotNull();
        assertThat(post.getExtensions()).containsEntry("x-ms-agentic-protocol", "mcp-streamable-1.0");
        assertThat(post.getOperationId()).isEqualTo("InvokeServer");
        SecurityScheme bearer = openApi.getComponents().getSecuritySchemes().get("bearer");
        assertThat(bearer.getType()).isEqualTo(SecurityScheme.Type.APIKEY);
        assertThat(bearer.getIn()).isEqualTo(SecurityScheme.In.HEADER);
        assertThat(bearer.getName()).isEqualTo("Authorization");
        assertThat(openApi.getSecurity()).anySatisfy(r -> assertThat(r).containsKey("bearer"));
        assertThat(openApi.getServers()).extracting(s -> URI.create(s.getUrl()).getScheme()).containsOnly("https");
    }

    @Test
    void thePropertiesAskForTheTokenAsASecureString() throws Exception {
        JsonNode props = new ObjectMapper().readTree(Files.readString(CONNECTOR.resolve("apiProperties.json")));
        JsonNode key = props.get("properties").get("connectionParameters").get("api_key");
        assertThat(key.get("type").asString()).isEqualTo("securestring");
        assertThat(key.get("uiDefinition").get("description").asString()).contains("Bearer");
    }

    @Test
    void theServerAnswersAtTheDefinitionsPathWithTheTokenInTheDefinitionsHeader() throws Exception {
        String path = (swagger.get("basePath").asString() + "/" + swagger.get("paths").propertyNames().iterator()
                .next()).replaceAll("/+", "/");
        String header = openApi.getComponents().getSecuritySchemes().get("bearer").getName();
        String host = swagger.get("host").asString();
        HttpServerProcess.Reply ok = server.postInitializeAt(path, host, Map.of(header, "Bearer " + TOKEN));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).contains("\"serverInfo\"").contains("\"tools\"");
        assertThat(server.postInitializeAt(path, host, Map.of()).status()).isEqualTo(401);
        assertThat(server.postInitializeAt(path, host, Map.of(header, "Bearer wrong")).status()).isEqualTo(401);
    }
}
