import { isTrueValue } from "../../src/engine/compose-values.js";
import { isDatastoreAdminImage, serviceDatastore } from "../../src/engine/datastores.js";
import { isRecord } from "../../src/engine/parse/compose.js";
import { fullServices } from "../../src/engine/query.js";
import { listed } from "../../src/engine/names.js";
import { defineComposeRule } from "../../src/engine/rule.js";

export default defineComposeRule({
  meta: {
    id: "flat-network",
    code: "DC120",
    category: "security",
    severity: "warning",
    description: "Every service, datastores included, shares one network; nothing separates the databases from the public-facing services.",
    aliases: [],
    messages: {
      flat: "All {{count}} services, including {{datastores}}, share the `{{network}}` network, so every service can reach every datastore directly. Put the datastores on a separate `internal: true` backend network joined only by the services that need them.",
    },
  },
  check({ model, report }) {
    const services = fullServices(model).filter((s) => !s.networkMode);
    if (services.length < 2) return;
    const datastores = services.filter((s) => serviceDatastore(s));
    // With one client (or only admin UIs) there is nobody to keep away from the datastores.
    const clients = services.filter((s) => !serviceDatastore(s) && !isDatastoreAdminImage(s.image));
    if (!datastores.length || clients.length < 2) return;
    const networkSets = services.map((s) => (s.networks.length ? s.networks : ["default"]));
    const all = new Set(networkSets.flat());
    if (all.size !== 1) return;
    const network = [...all][0];
    const declared = isRecord(model.data.networks) ? model.data.networks[network] : undefined;
    if (isRecord(declared) && isTrueValue(declared.internal)) return;
    const names = datastores.map((s) => `\`${s.name}\``);
    report({
      messageId: "flat",
      data: { count: services.length, datastores: listed(names), network },
      range: model.locateKey(model.data.networks !== undefined ? ["networks"] : ["services"]),
    });
  },
});
