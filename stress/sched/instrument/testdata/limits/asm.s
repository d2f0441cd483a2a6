// An assembly file: the scheduler cannot see what it does.
