terraform {
    required_providers {
        random = {
            version = "~> 3.6"
            source  = "hashicorp/random"
        }
    }
}

resource "random_pet" "name" {
    length = 2
}
