import { startTestServer, TestServer, createActivePartner } from '../helpers/server';
import type { PartnerFixture } from '../../src/modules/staff/demo.seed';

/** Object-level checks: the rules let a partner reach an operation; the services keep it to its own rows. */
describe('one partner cannot reach another partner’s data', () => {
  let t: TestServer;
  let a: PartnerFixture;
  let b: PartnerFixture;

  beforeAll(async () => {
    t = await startTestServer({ records: 10 });
    [a, b] = [await createActivePartner(t.ds), await createActivePartner(t.ds)];
  });
  afterAll(() => t.close());

  const ids = (conn: { edges: { node: { id: string } }[] }) => conn.edges.map((e) => e.node.id);

  it('a partner admin sees only its own organisation, applications and MoUs', async () => {
    const adminB = await t.login(b.partnerAdmin.email, b.partnerAdmin.password);
    const orgs = await t.gql('{ organizations(first: 100) { edges { node { id } } } }', undefined, adminB);
    expect(ids(orgs.body.data.organizations)).toEqual([String(b.organizationId)]);
    const other = await t.gql('query($id: ID!) { organization(id: $id) { id name } }', { id: String(a.organizationId) }, adminB);
    expect(other.body.data?.organization ?? null).toBeNull();
    const apps = await t.gql('{ applications(first: 100) { edges { node { id } } } }', undefined, adminB);
    expect(ids(apps.body.data.applications)).toEqual([String(b.applicationId)]);
    const otherApp = await t.gql('query($id: ID!) { application(id: $id) { id clientId } }', { id: String(a.applicationId) }, adminB);
    expect(otherApp.body.data?.application ?? null).toBeNull();
    const mous = await t.gql('{ mous(first: 100) { edges { node { id organizationId } } } }', undefined, adminB);
    expect(mous.body.errors).toBeUndefined();
    expect(mous.body.data.mous.edges.length).toBeGreaterThan(0);
    for (const e of mous.body.data.mous.edges) expect(e.node.organizationId).toBe(String(b.organizationId));
  });

  it('an application sees only itself through me, and no onboarding data at all', async () => {
    const tokenB = await t.appToken(b);
    const me = await t.gql('{ me { application { id } organization { id } } }', undefined, tokenB);
    expect(me.body.data.me).toEqual({ application: { id: String(b.applicationId) }, organization: { id: String(b.organizationId) } });
    const orgs = await t.gql('{ organizations(first: 5) { edges { node { id } } } }', undefined, tokenB);
    expect(orgs.body.data).toBeNull();
    expect(orgs.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});
