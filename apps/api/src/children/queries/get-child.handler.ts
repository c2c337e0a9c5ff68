import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ChildNotFound } from '../application-errors';
import { JourneyRepository } from '../recording/journey.repository';
import type { ChildView } from './child-view';
import { ChildViewPresenter } from './child-view.presenter';
import { GetChildQuery } from './get-child.query';

/** Folds the child's stream (always current: no projection lag for the person recording). */
@QueryHandler(GetChildQuery)
export class GetChildHandler implements IQueryHandler<GetChildQuery, ChildView> {
  constructor(
    private readonly journeys: JourneyRepository,
    private readonly presenter: ChildViewPresenter,
  ) {}

  async execute({ childId, personalData }: GetChildQuery): Promise<ChildView> {
    const { state, revision } = await this.journeys.load(childId);
    if (revision === undefined) throw new ChildNotFound(childId);
    return this.presenter.present(childId, revision, state, personalData);
  }
}
