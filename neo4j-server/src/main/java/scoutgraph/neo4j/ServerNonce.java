package scoutgraph.neo4j;

import org.neo4j.procedure.Description;
import org.neo4j.procedure.UserFunction;

/**
 * {@code RETURN scoutgraph.serverNonce()}: the random value scripts/neo4j.mjs gave this server when it
 * started it. Test helpers compare it with the value the start script recorded before they empty the
 * graph, so a test never wipes a Neo4j that the test run did not start (another developer's, or a
 * real one on the default port): such a server has no such function, or another value.
 */
public final class ServerNonce {
    static final String PROPERTY = "scoutgraph.nonce";

    @UserFunction("scoutgraph.serverNonce")
    @Description("The nonce scripts/neo4j.mjs started this server with.")
    public String serverNonce() {
        return System.getProperty(PROPERTY, "");
    }
}
