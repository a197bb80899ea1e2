module "a" {
	source = "git::ssh://git@example.com/a.git?ref=main"
	name   = "a"
}
