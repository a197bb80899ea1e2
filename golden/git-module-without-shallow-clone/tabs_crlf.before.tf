module "app" {
	source = "git::https://example.com/app.git?ref=v0.3.0"
	name   = "app"
}
