import { createHmac, randomUUID } from "node:crypto";

/** Delivers a webhook like GitHub: JSON body, event and delivery headers, HMAC-SHA256 signature. */
export async function sendWebhook(url: string, event: string, payload: unknown, secret: string, deliveryId: string = randomUUID()): Promise<Response> {
  const body = JSON.stringify(payload);
  const signature = `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
  return fetch(`${url}/api/github/webhooks`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-github-event": event, "x-github-delivery": deliveryId, "x-hub-signature-256": signature },
    body,
  });
}
