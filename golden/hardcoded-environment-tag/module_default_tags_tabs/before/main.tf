module "service" {
	source = "./modules/service"

	default_tags = merge(local.common, {
		Stage = "qa"
	})
}

locals {
	common = {
		Owner = "platform"
	}
}
