import { INTERCEPTORS_METADATA } from '@nestjs/common/constants';
import { PlanningController } from '../../children/http/planning.controller';
import { ChildrenController } from '../../children/http/children.controller';
import { ChildScoped } from './child-scoped.decorator';
import { ScopeRefusalsInTrail } from './scope-refusals-in-trail.interceptor';

/** The interceptors Nest would run on a decorated method. */
function interceptorsOf(method: object): unknown[] {
  return (Reflect.getMetadata(INTERCEPTORS_METADATA, method) as unknown[] | undefined) ?? [];
}

describe('ChildScoped: which routes carry the refusal-trail interceptor', () => {
  it("Given a page's child route ('child'), Then the interceptor records the handler's refusals", () => {
    class Page {
      @ChildScoped()
      show(): void {}
    }
    expect(interceptorsOf(Page.prototype.show)).toEqual([ScopeRefusalsInTrail]);
  });

  it("Given the API's commands ('command', 'registration'), Then no interceptor: the sender records refusals, keeping Nest's interceptor machinery off every command (bench finding 39)", () => {
    expect(interceptorsOf(PlanningController.prototype.recordReview)).toEqual([]);
    expect(interceptorsOf(ChildrenController.prototype.register)).toEqual([]);
  });
});
