package be.leerid.transparency.services;

import java.io.IOException;
import java.util.List;

import be.leerid.transparency.models.SignalOutbox;
import be.leerid.transparency.models.jpa.SignalEntity;
import be.leerid.transparency.signals.DeliveryPolicy;
import be.leerid.transparency.signals.SecurityEventTokens;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.apache.http.util.EntityUtils;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.connections.httpclient.HttpClientProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.timer.ScheduledTask;

/**
 * Pushes the queued Security Event Tokens to their receivers (RFC 8935), one node of the cluster at a time: an
 * accepted token leaves the queue; a rejected one (400) too, logged; any other answer waits and is tried again
 * (DeliveryPolicy), for a day at most.
 */
final class SignalDelivery implements ScheduledTask {

    static final String TASK_NAME = "leerid-signal-delivery";
    private static final Logger LOG = Logger.getLogger(SignalDelivery.class);
    private static final int BATCH = 100;
    private static final ContentType SET = ContentType.create("application/" + SecurityEventTokens.TYPE);

    @Override
    public void run(KeycloakSession session) {
        SignalOutbox outbox = new SignalOutbox(session);
        long now = Time.currentTimeMillis();
        List<SignalEntity> due = outbox.due(now, BATCH);
        for (SignalEntity signal : due) {
            int status = post(session, signal);
            switch (DeliveryPolicy.outcome(status)) {
                case DELIVERED -> outbox.remove(signal);
                case REJECTED -> {
                    LOG.warnf("LeerID Shared Signals: the receiver of client %s rejected a token (400); it is not sent again",
                            signal.getClientId());
                    outbox.remove(signal);
                }
                case RETRY -> {
                    if (DeliveryPolicy.givesUp(signal.getCreated(), now)) {
                        LOG.warnf("LeerID Shared Signals: gave up on a token for client %s after %d attempts over %s",
                                signal.getClientId(), signal.getAttempts() + 1, DeliveryPolicy.PATIENCE);
                        outbox.remove(signal);
                    } else {
                        signal.setAttempts(signal.getAttempts() + 1);
                        signal.setNextAttempt(now + DeliveryPolicy.waitMillis(signal.getAttempts()));
                    }
                }
            }
        }
    }

    /** @return the receiver's HTTP status, or -1 if it did not answer */
    private static int post(KeycloakSession session, SignalEntity signal) {
        HttpPost post = new HttpPost(signal.getReceiver());
        post.setHeader("Accept", "application/json");
        post.setEntity(new StringEntity(signal.getToken(), SET));
        try (CloseableHttpResponse response = session.getProvider(HttpClientProvider.class).getHttpClient().execute(post)) {
            EntityUtils.consumeQuietly(response.getEntity());
            return response.getStatusLine().getStatusCode();
        } catch (IOException | RuntimeException e) {
            LOG.debugf("LeerID Shared Signals: the receiver of client %s did not answer: %s", signal.getClientId(), e.getClass().getSimpleName());
            return -1;
        }
    }

    @Override
    public String getTaskName() {
        return TASK_NAME;
    }
}
