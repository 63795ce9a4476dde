import { Metrics } from '../../src/observability/metrics';

describe('Metrics', () => {
  it('exposes counters and the latency histogram in Prometheus text format', async () => {
    const metrics = new Metrics({ defaultMetrics: false });
    metrics.messageHandled('slack', 'kb5057589-winre-false-error', 'resolved', 0.002);
    metrics.messageHandled('teams', null, 'no_match', 0.001);
    metrics.deliveries.inc({ sink: 'ticket-webhook', result: 'retry' });
    const { contentType, body } = await metrics.exposition();
    expect(contentType).toMatch(/^text\/plain/);
    expect(body).toContain('helpdesk_messages_total{channel="slack"} 1');
    expect(body).toContain('helpdesk_matches_total{entry="kb5057589-winre-false-error"} 1');
    expect(body).toContain('helpdesk_outcomes_total{outcome="no_match"} 1');
    expect(body).toContain('helpdesk_escalation_deliveries_total{sink="ticket-webhook",result="retry"} 1');
    expect(body).toMatch(/helpdesk_reply_latency_seconds_bucket\{le="0.0025",channel="slack"\} 1/);
  });
});
