import { Field, ID, InputType } from 'type-graphql';
import { Length, Matches } from 'class-validator';

@InputType()
export class CompletePendingActionInput {
  @Field(() => ID) id!: string;
  @Field({ description: 'How it was done (e.g. "disabled in the NIC console, ticket 4411")' })
  @Length(5, 500, { message: 'note must say how the step was done, in 5–500 characters' }) @Matches(/^[^<>{}\u0000-\u001f]*$/, { message: 'note must be plain text' }) note!: string;
}
