import { EffectiveDateDto } from './effective-date.dto';
import { CodeField } from './fields';

export class StartMissingEpisodeDto extends EffectiveDateDto {
  @CodeField('MISSING', { description: "'M' missing, 'A' away without authorisation", example: 'M' })
  kind!: 'M' | 'A';
}

export class EndMissingEpisodeDto extends EffectiveDateDto {}
