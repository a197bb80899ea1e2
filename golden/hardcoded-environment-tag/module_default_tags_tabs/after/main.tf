module "service" {
	source = "./modules/service"

	default_tags = merge(local.common, {
		Stage = var.environment
	})
}

locals {
	common = {
		Owner = "platform"
	}
}
