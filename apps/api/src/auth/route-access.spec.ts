import { Reflector } from '@nestjs/core';
import { Public, PublicShowingMoreWhenSignedIn, Roles } from './roles.decorator';
import { RouteAccessReader } from './route-access';

@Roles('auditor')
class Audits {
  read(): void {}
  @Roles('admin') manage(): void {}
  @Public() open(): void {}
  @PublicShowingMoreWhenSignedIn() probe(): void {}
}

@Roles('panel_member')
class PanelAudits extends Audits {}

describe('RouteAccessReader', () => {
  it('Given a method and its class, When read, Then the method’s decorators win over the class’s, as Reflector.getAllAndOverride says', () => {
    const reader = new RouteAccessReader(new Reflector());
    expect(reader.of(Audits.prototype.read, Audits)).toEqual({
      open: false,
      identifies: false,
      roles: ['auditor'],
    });
    expect(reader.of(Audits.prototype.manage, Audits)).toEqual({
      open: false,
      identifies: false,
      roles: ['admin'],
    });
    expect(reader.of(Audits.prototype.open, Audits)).toMatchObject({ open: true, identifies: false });
    expect(reader.of(Audits.prototype.probe, Audits)).toMatchObject({ open: true, identifies: true });
  });

  it('Given one method on two classes, When read for each, Then each class’s own decorators count', () => {
    const reader = new RouteAccessReader(new Reflector());
    expect(reader.of(Audits.prototype.read, Audits).roles).toEqual(['auditor']);
    expect(reader.of(PanelAudits.prototype.read, PanelAudits).roles).toEqual(['panel_member']);
  });

  it('Given a route read once, When read again, Then the metadata is not walked again and the answer is the same', () => {
    const reflector = new Reflector();
    const walk = jest.spyOn(reflector, 'getAllAndOverride');
    const reader = new RouteAccessReader(reflector);
    const first = reader.of(Audits.prototype.manage, Audits);
    const calls = walk.mock.calls.length;
    expect(reader.of(Audits.prototype.manage, Audits)).toBe(first);
    expect(walk.mock.calls.length).toBe(calls);
  });
});
